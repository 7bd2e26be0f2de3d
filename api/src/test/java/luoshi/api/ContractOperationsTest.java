package luoshi.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import luoshi.api.common.Bulk;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.api.region.RegionsApi;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every interface of the contract declares the role it needs ({@link Requires}), so that the role
 * filter of every service and of the gateway refuses a caller before reading anything, and no operation is left open by
 * being forgotten: a new interface or method without a role fails here, not in production. Every bulk body (an
 * {@code InputStream} the method reads as a stream) declares its limits ({@link Bulk}), and no other method does.
 */
class ContractOperationsTest {

    @Test
    void everyOperationDeclaresTheRoleItNeeds() throws Exception {
        List<Method> operations = operations();
        assertThat(operations).as("the operations found").hasSizeGreaterThan(60);
        assertThat(operations.stream().filter(m -> m.getAnnotation(Requires.class) == null).map(ContractOperationsTest::name))
                .as("operations without @Requires").isEmpty();
    }

    @Test
    void writesNeedMoreThanAViewerAndOnlyTheInternalEndpointsNeedTheServiceIdentity() throws Exception {
        for (Method m : operations()) {
            Role role = m.getAnnotation(Requires.class).value();
            boolean read = m.isAnnotationPresent(GET.class);
            assertThat(read || role != Role.VIEWER).as(name(m) + " writes with the role viewer").isTrue();
            boolean internal = m.getDeclaringClass().getAnnotation(Path.class).value().startsWith("/internal/");
            assertThat(!internal && role == Role.SERVICE).as(name(m) + " is public and needs the service identity").isFalse();
        }
    }

    @Test
    void bulkBodiesAndOnlyThemDeclareTheirLimits() throws Exception {
        for (Method m : operations()) {
            boolean streamed = Arrays.asList(m.getParameterTypes()).contains(InputStream.class);
            assertThat(m.isAnnotationPresent(Bulk.class)).as(name(m) + ": @Bulk where the body is a stream").isEqualTo(streamed);
        }
        assertThat(RegionsApi.class.getMethod("importRegions", InputStream.class).getAnnotation(Bulk.class).rows())
                .as("the regions import takes the whole national list (44,700 rows)").isGreaterThanOrEqualTo(44_700);
    }

    @Test
    void theAssessorReadsAndRecordsAssessmentsOnlyAndTheLadderHolds() {
        assertThat(Role.ASSESSOR.includes(Role.VIEWER)).isTrue();
        assertThat(Role.ASSESSOR.includes(Role.OPERATOR)).isFalse();
        assertThat(Role.OPERATOR.includes(Role.ASSESSOR)).isFalse();
        assertThat(Role.ADMIN.includes(Role.ASSESSOR)).isTrue();
        assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.OPERATOR)).isFalse();
        assertThat(Role.SERVICE.includes(Role.VIEWER)).isTrue();
        assertThat(Role.SERVICE.includes(Role.OPERATOR)).isFalse();
        assertThat(Role.ADMIN.includes(Role.SERVICE)).isFalse();
        assertThat(Role.ofGroup("assessor")).isEqualTo(Role.ASSESSOR);
        assertThat(Role.ofGroup("root")).isNull();
    }

    private static String name(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName();
    }

    /** The HTTP methods of every interface with a {@code @Path} among this module's classes. */
    private static List<Method> operations() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get(Requires.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Method> out = new ArrayList<>();
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            names = files.map(f -> root.relativize(f).toString()).filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name);
            if (type.isInterface() && type.isAnnotationPresent(Path.class)) {
                for (Method m : type.getMethods()) {
                    if (Stream.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class).anyMatch(m::isAnnotationPresent)) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }
}
