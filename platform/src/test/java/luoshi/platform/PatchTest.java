package luoshi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A body read as a tree holds no lone surrogate: it could not be passed on as UTF-8 (the gateway sent "?" on). */
class PatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLoneSurrogateAnywhereIsA400NamingItsField() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("{\"name\":\"ok\",\"leaders\":[{\"name\":\"王\\uD800丽\"}]}");
        assertThatThrownBy(() -> Patch.sound(body)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().violations()).extracting(v -> v.field()).containsExactly("leaders[0].name");
        });
        ObjectNode low = (ObjectNode) JSON.readTree("{\"name\":\"\\uDC00\"}");
        assertThatThrownBy(() -> Patch.sound(low)).isInstanceOf(ProblemException.class);
    }

    @Test
    void pairedSurrogatesAndOtherValuesPass() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("{\"name\":\"𠀀 \\uD840\\uDC00\",\"amount\":\"1.00\",\"to\":null}");
        assertThat(Patch.sound(body)).isSameAs(body);
    }
}
