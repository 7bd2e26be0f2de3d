package luoshi.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

final class MinimumAmountJson {
    private MinimumAmountJson() {
    }

    static ObjectNode of(String amount) {
        return JsonNodeFactory.instance.objectNode().put("minAmount", amount);
    }
}
