package luoshi.platform;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * The base of the OpenAPI filters that document what the contract declares on its methods (a role, the limits of a bulk
 * body): each operation of the document is shown with its {@code type} annotation, found by its {@code operationId} in
 * the index that the OpenAPI scan reads (a filter gets it as its constructor's argument), or null when it has none.
 */
public abstract class ContractOperations implements OASFilter {

    private final Map<String, AnnotationInstance> declared;

    protected ContractOperations(IndexView index, Class<? extends Annotation> type) {
        this.declared = byOperationId(index, type);
    }

    /** Documents {@code op} (of {@code openAPI}), which declares {@code annotation} (null: none). */
    protected abstract void document(OpenAPI openAPI, org.eclipse.microprofile.openapi.models.Operation op,
            AnnotationInstance annotation);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        forEach(openAPI, (path, op) -> document(openAPI, op, op.getOperationId() == null ? null
                : declared.get(op.getOperationId())));
    }

    /** The {@code type} annotations of the contract's methods, by the {@code operationId} of their method. */
    static Map<String, AnnotationInstance> byOperationId(IndexView index, Class<? extends Annotation> type) {
        Map<String, AnnotationInstance> found = new HashMap<>();
        if (index == null) {
            return found;
        }
        DotName operation = DotName.createSimple(Operation.class.getName());
        for (AnnotationInstance a : index.getAnnotations(DotName.createSimple(type.getName()))) {
            if (a.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            AnnotationInstance op = a.target().asMethod().annotation(operation);
            AnnotationValue id = op == null ? null : op.value("operationId");
            if (id != null) {
                found.put(id.asString(), a);
            }
        }
        return found;
    }

    /** Every operation of the document with its path. */
    static void forEach(OpenAPI openAPI, BiConsumer<String, org.eclipse.microprofile.openapi.models.Operation> each) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            for (org.eclipse.microprofile.openapi.models.Operation op : Arrays.asList(item.getGET(), item.getPOST(),
                    item.getPUT(), item.getPATCH(), item.getDELETE())) {
                if (op != null) {
                    each.accept(path.getKey(), op);
                }
            }
        }
    }

    /** Adds {@code sentence} to the operation's description. */
    protected static void describe(org.eclipse.microprofile.openapi.models.Operation op, String sentence) {
        String d = op.getDescription();
        op.setDescription(d == null || d.isBlank() ? sentence : d.strip() + (d.strip().endsWith(".") ? " " : ". ") + sentence);
    }
}
