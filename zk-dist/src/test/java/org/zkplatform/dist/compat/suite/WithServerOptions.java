package org.zkplatform.dist.compat.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Settings of the server a {@link CompatTest} gets, from the method, else its class, else the defaults below. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WithServerOptions {

    int tickTime() default 2000;

    String[] fourLetterWords() default {"*"};

    boolean extendedTypes() default false;

    /** Whether {@code super:secret} ({@link ApacheQuirks#SUPER_USER}) is the superuser. */
    boolean superUser() default false;
}
