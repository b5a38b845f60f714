package social.starling.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.starling.federation.signature.StructuredFields.Bytes;
import social.starling.federation.signature.StructuredFields.InnerList;
import social.starling.federation.signature.StructuredFields.Item;
import social.starling.federation.signature.StructuredFields.Member;
import social.starling.federation.signature.StructuredFields.Token;

class StructuredFieldsTest {

    @Test
    void parsesASignatureInputAndSerialisesItBack() throws Exception {
        String value = "(\"@method\" \"@query-param\";name=\"Pet\" \"content-digest\");created=1618884473"
                + ";keyid=\"test-key\";alg=\"rsa-v1_5-sha256\";expires=1618884540";
        Map<String, Member> dict = StructuredFields.parseDictionary("sig1=" + value);
        InnerList list = (InnerList) dict.get("sig1");
        assertThat(list.items()).extracting(Item::value).containsExactly("@method", "@query-param", "content-digest");
        assertThat(list.items().get(1).params()).containsEntry("name", "Pet");
        assertThat(list.params()).containsEntry("created", 1618884473L).containsEntry("keyid", "test-key");
        assertThat(StructuredFields.serialize(list)).isEqualTo(value);
    }

    @Test
    void readsEveryBareItemType() throws Exception {
        Map<String, Member> dict = StructuredFields.parseDictionary(
                "a=1, b=?0, c, d=:aGVsbG8=:, e=-1.5, f=tok/en:x, g=\"q\\\"uo\\\\te\";p=?1;q=\"x\"");
        assertThat(((Item) dict.get("a")).value()).isEqualTo(1L);
        assertThat(((Item) dict.get("b")).value()).isEqualTo(false);
        assertThat(((Item) dict.get("c")).value()).isEqualTo(true);
        assertThat(new String(((Bytes) ((Item) dict.get("d")).value()).value())).isEqualTo("hello");
        assertThat(((Item) dict.get("e")).value()).isEqualTo(new BigDecimal("-1.5"));
        assertThat(((Item) dict.get("f")).value()).isEqualTo(new Token("tok/en:x"));
        Item g = (Item) dict.get("g");
        assertThat(g.value()).isEqualTo("q\"uo\\te");
        assertThat(g.params()).containsEntry("p", true).containsEntry("q", "x");
        assertThat(StructuredFields.serialize(g)).isEqualTo("\"q\\\"uo\\\\te\";p;q=\"x\"");
        assertThat(StructuredFields.parseDictionary("  ")).isEmpty();
        assertThat(StructuredFields.parseDictionary("a=()")).containsKey("a");
    }

    @Test
    void refusesMalformedAndAmbiguousFields() {
        String[] bad = {
                "a=1,", "A=1", "a=\"unterminated", "a=:abc", "a=:a$c:", "a=?2", "a=(1 2", "a=(1,2)", "a=1;p=1;p=2",
                "a=1, a=2", "a=\"tab\there\"", "a=\"bad\\escape\"", "a=1.", "a=1234567890123456", "a=1.2345",
                "a=@1", "a=1 b=2", "a=\u00e9"};
        for (String field : bad) {
            assertThatThrownBy(() -> StructuredFields.parseDictionary(field)).as(field)
                    .isInstanceOf(StructuredFields.ParseException.class);
        }
    }

    @Test
    void boundsTheNumberOfMembers() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= StructuredFields.MAX_MEMBERS; i++) {
            many.append(i == 0 ? "" : ",").append("k").append(i).append("=1");
        }
        assertThatThrownBy(() -> StructuredFields.parseDictionary(many.toString()))
                .hasMessage("too many members");
    }
}
