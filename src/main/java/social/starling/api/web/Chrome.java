package social.starling.api.web;

import java.util.function.Supplier;

/**
 * What the shared layout needs on every page: the server's title, this page's title, who is signed in (null when
 * nobody is), whether they are staff, and the CSRF token for forms. The token is made on first use, so a page without forms sets no cookie.
 */
public final class Chrome {
    private final String siteTitle;
    private final String pageTitle;
    private final String username;
    private final boolean staff;
    private final Supplier<String> csrf;

    Chrome(String siteTitle, String pageTitle, String username, boolean staff, Supplier<String> csrf) {
        this.siteTitle = siteTitle;
        this.pageTitle = pageTitle;
        this.username = username;
        this.staff = staff;
        this.csrf = csrf;
    }

    public String siteTitle() {
        return siteTitle;
    }

    public String pageTitle() {
        return pageTitle;
    }

    public boolean signedIn() {
        return username != null;
    }

    /** The signed-in local username, without the leading @; null when signed out. */
    public String username() {
        return username;
    }

    /** Whether the signed-in user is staff (the header then links to the admin area). */
    public boolean staff() {
        return staff;
    }

    public String csrf() {
        return csrf.get();
    }
}
