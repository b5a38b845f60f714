package social.starling.api.web;

/** The out-of-band result: the authorization code to copy into the app. */
public record CodePage(String appName, String code) {
}
