package social.starling.service.instance;

/** Texts a new server starts with until its admin writes its own. */
public final class DefaultTexts {
    public static final String PRIVACY_POLICY = """
            <h1>Privacy policy</h1>
            <h2>What we collect</h2>
            <ul>
            <li><strong>Account information</strong>: your username, e-mail address and password (stored only as a \
            salted hash). Your username, display name, bio, avatar and header are public.</li>
            <li><strong>Posts and interactions</strong>: public and unlisted posts are public. Followers-only and \
            direct posts are delivered to the people they are addressed to, including on other servers, whose \
            admins can read them. Do not share anything sensitive in a direct message.</li>
            <li><strong>Technical data</strong>: the IP address you signed up from, and when you were last active, \
            to keep the server safe.</li>
            </ul>
            <h2>What we use it for</h2>
            <p>To run this server: show your posts to the people you chose, send you notifications, and moderate \
            abuse. We do not sell your data or show advertising.</p>
            <h2>How long we keep it</h2>
            <p>Until you delete your posts or your account. When you delete your account, we delete your data and \
            ask the servers that received your posts to delete them too.</p>
            <h2>Contact</h2>
            <p>Questions about this policy go to the admins of this server; see the About page.</p>
            """;

    private DefaultTexts() {
    }
}
