package luoshi.platform;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The method of the contract's interface ({@code api}) that a resource method implements: where what an operation
 * needs is declared (its role, the limits of its body). A service's resource and the gateway's route implement the same
 * interface method, so both find the same declaration. Looked up once per resource method.
 */
public final class ContractMethods {

    private record Key(Class<?> resource, String name, List<Class<?>> parameters) {
    }

    private static final Map<Key, Optional<Method>> FOUND = new ConcurrentHashMap<>();

    private ContractMethods() {
    }

    /** {@code type} on the interface method that the request's resource method implements, or null when none has it. */
    public static <A extends Annotation> A annotation(SimpleResourceInfo resource, Class<A> type) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        return declared(resource.getResourceClass(), resource.getMethodName(), resource.parameterTypes(), type);
    }

    /** {@code type} on an interface method {@code name(parameters)} of {@code resource} or its superclasses. */
    static <A extends Annotation> A declared(Class<?> resource, String name, Class<?>[] parameters, Class<A> type) {
        Key key = new Key(resource, name, List.of(parameters));
        return FOUND.computeIfAbsent(key, k -> find(k.resource(), k.name(), parameters))
                .map(m -> m.getAnnotation(type)).orElse(null);
    }

    private static Optional<Method> find(Class<?> resource, String name, Class<?>[] parameters) {
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            Optional<Method> m = inInterfaces(c.getInterfaces(), name, parameters);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> inInterfaces(Class<?>[] interfaces, String name, Class<?>[] parameters) {
        for (Class<?> i : interfaces) {
            Optional<Method> own = Arrays.stream(i.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && Arrays.equals(m.getParameterTypes(), parameters)).findFirst();
            if (own.isPresent()) {
                return own;
            }
            Optional<Method> inherited = inInterfaces(i.getInterfaces(), name, parameters);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }
}
