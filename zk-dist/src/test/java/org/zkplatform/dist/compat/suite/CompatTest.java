package org.zkplatform.dist.compat.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A compatibility test: it runs once per selected server kind (see {@link org.zkplatform.dist.compat.suite.Target}),
 * each time against a freshly started server that a {@link ServerFixture} parameter gives access to.
 * The test class must extend {@link CompatTestBase}; {@link WithServerOptions} changes the server's settings.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(CompatExtension.class)
public @interface CompatTest {
}
