package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Any of the four collection types: {@code Collection}, {@code OrderedCollection}, {@code CollectionPage},
 * {@code OrderedCollectionPage}. {@code first} is a page's URL or an embedded page; ordered kinds use
 * {@code orderedItems}, the others {@code items}. Null fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Collection(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        Integer totalItems,
        Object first,
        String last,
        String partOf,
        String next,
        String prev,
        List<?> items,
        List<?> orderedItems) {

    /** {@code {"id", "type", "totalItems"}}: a collection known only by its size. */
    public static Collection counted(String id, String type, int totalItems) {
        return new Collection(null, id, type, totalItems, null, null, null, null, null, null, null);
    }

    public Collection withContext(Object context) {
        return new Collection(context, id, type, totalItems, first, last, partOf, next, prev, items, orderedItems);
    }
}
