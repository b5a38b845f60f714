package social.starling.federation.vocab;

/** What a deleted object is in a {@code Delete} (Mastodon's DeleteSerializer#TombstoneSerializer, without atomUri). */
public record Tombstone(String id, String type) {
    public static Tombstone of(String id) {
        return new Tombstone(id, "Tombstone");
    }
}
