package social.starling.service.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import social.starling.errors.UnprocessableException;
import social.starling.model.Limits;
import social.starling.model.Visibility;
import social.starling.text.StatusText;

/**
 * The rules a status's content must follow, shared by posting, editing and scheduling (Mastodon's Status and
 * Poll validations): text or poll required, 500 characters counted with URLs as 23 and the content warning
 * included, a known visibility and a language code, no media (not part of Starling yet), and a poll of 2-4
 * unique options of at most 50 characters lasting 5 minutes to a month. Failures are one 422 listing every
 * problem, as Rails' "Validation failed: A, B".
 */
public final class StatusValidator {
    private StatusValidator() {
    }

    /**
     * @param visibility null when not given (or not editable)
     * @param language   null when not given
     * @param poll       null without a poll
     * @param mediaIds   null or empty without media
     */
    public static void validate(String text, String spoiler, String visibility, String language,
                                PostStatusService.PollRequest poll, List<String> mediaIds) {
        List<String> errors = new ArrayList<>();
        boolean hasMedia = mediaIds != null && !mediaIds.isEmpty();
        if (text.isEmpty() && poll == null && !hasMedia) {
            errors.add("Text can't be blank");
        }
        StatusMedia.checkShape(mediaIds, poll != null);
        if (StatusText.countCharacters(text, spoiler) > Limits.STATUS_MAX_CHARACTERS) {
            errors.add("Text character limit of " + Limits.STATUS_MAX_CHARACTERS + " exceeded");
        }
        if (visibility != null && Visibility.parse(visibility).isEmpty()) { // given but empty is invalid too
            errors.add("Visibility is not included in the list");
        }
        if (language != null && !language.isBlank() && !language.trim().matches("^[a-z]{2,3}(-[A-Za-z]{2,8})?$")) {
            errors.add("Language is not a valid language code");
        }
        if (poll != null) {
            validatePoll(poll, errors);
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
        }
    }

    /** Adds the poll's problems to {@code errors}. */
    public static void validatePoll(PostStatusService.PollRequest p, List<String> errors) {
        List<String> options = options(p);
        if (options.size() < 2) {
            errors.add("Poll must have at least 2 options");
        } else if (options.size() > Limits.POLL_MAX_OPTIONS) {
            errors.add("Poll can't contain more than " + Limits.POLL_MAX_OPTIONS + " options");
        }
        if (options.stream().anyMatch(String::isEmpty)) {
            errors.add("Poll options can't be blank");
        }
        if (options.stream().anyMatch(o -> o.codePointCount(0, o.length()) > Limits.POLL_MAX_CHARACTERS_PER_OPTION)) {
            errors.add("Poll options can't be longer than " + Limits.POLL_MAX_CHARACTERS_PER_OPTION + " characters");
        }
        if (Set.copyOf(options).size() != options.size()) {
            errors.add("Poll options must be unique");
        }
        if (p.expiresIn() == null) {
            errors.add("Poll expiration can't be blank");
        } else if (p.expiresIn() < Limits.POLL_MIN_EXPIRATION) {
            errors.add("Poll duration is too short");
        } else if (p.expiresIn() > Limits.POLL_MAX_EXPIRATION) {
            errors.add("Poll duration is too long");
        }
    }

    /** The poll's options as stored: stripped of surrounding white space. */
    public static List<String> options(PostStatusService.PollRequest p) {
        return p.options() == null ? List.of() : p.options().stream().map(String::strip).toList();
    }
}
