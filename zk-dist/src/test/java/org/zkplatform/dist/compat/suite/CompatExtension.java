package org.zkplatform.dist.compat.suite;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.zkplatform.dist.compat.ServerOptions;
import org.zkplatform.dist.compat.ServerUnderTest;

/** Runs a {@link CompatTest} once per selected {@link Target}, giving it a fresh server each time. */
final class CompatExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(CompatTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Target.selected().stream().map(Invocation::new);
    }

    private record Invocation(Target target) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + target.displayName() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new FixtureResolver(target));
        }
    }

    private record FixtureResolver(Target target) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ServerFixture.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            CompatTestBase test = (CompatTestBase) context.getRequiredTestInstance();
            ServerUnderTest server = target.start(test.serverDir, options(context));
            ServerFixture fixture = new ServerFixture(target, server);
            // Closed after the test, before the TempDir (stored earlier) is deleted.
            context.getStore(ExtensionContext.Namespace.create(CompatExtension.class, context.getUniqueId()))
                    .put(ServerFixture.class, fixture);
            return fixture;
        }

        private static ServerOptions options(ExtensionContext context) {
            WithServerOptions settings = Optional.ofNullable(context.getRequiredTestMethod().getAnnotation(WithServerOptions.class))
                    .or(() -> Optional.ofNullable(context.getRequiredTestClass().getAnnotation(WithServerOptions.class)))
                    .orElse(Defaults.class.getAnnotation(WithServerOptions.class));
            return new ServerOptions(settings.tickTime(), List.of(settings.fourLetterWords()), settings.extendedTypes(),
                    settings.superUser() ? ApacheQuirks.superUserDigest() : "");
        }
    }

    @WithServerOptions
    private static final class Defaults {
    }
}
