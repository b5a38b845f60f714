package social.starling.federation.vocab;

/**
 * An entry of an object's {@code tag}: {@code Mention} (href = the actor's id, name = {@code @acct}) or
 * {@code Hashtag} (href = the tag's page, name = {@code #name}).
 */
public record Tag(String type, String href, String name) {
    public static Tag mention(String actorId, String acct) {
        return new Tag("Mention", actorId, "@" + acct);
    }

    public static Tag hashtag(String href, String name) {
        return new Tag("Hashtag", href, "#" + name);
    }
}
