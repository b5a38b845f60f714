package social.starling.model;

/** One of the server's rules, shown at sign-up and in the instance entity. */
public record Rule(long id, String text, String hint, int position) {
}
