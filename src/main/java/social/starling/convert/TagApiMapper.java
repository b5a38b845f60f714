package social.starling.convert;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import social.starling.convert.entity.TagEntity;
import social.starling.model.view.TagView;

/**
 * TagView → Mastodon's Tag entity. {@code name} keeps the spelling first seen; the URL uses the lower-cased name
 * (Mastodon's tag_url of the normalised name). A tag not yet used has the id {@code ""}, as Mastodon serialises an
 * unsaved Tag's nil id.
 */
public final class TagApiMapper {
    private final UnaryOperator<String> tagUrl;

    /** @param tagUrl the public URL of a hashtag's page, given its name */
    public TagApiMapper(UnaryOperator<String> tagUrl) {
        this.tagUrl = tagUrl;
    }

    public TagEntity toApi(TagView t) {
        return new TagEntity(t.id() == null ? "" : Long.toString(t.id()), t.name(),
                tagUrl.apply(t.name().toLowerCase(Locale.ROOT)),
                t.history().stream().map(d -> new TagEntity.History(Long.toString(d.day().getEpochSecond()),
                        Integer.toString(d.uses()), Integer.toString(d.accounts()))).toList(),
                t.following(), t.featuring());
    }

    public List<TagEntity> toApi(List<TagView> tags) {
        return tags.stream().map(this::toApi).toList();
    }
}
