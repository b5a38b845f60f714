package social.starling.convert.entity;

import java.util.List;

/**
 * Mastodon's QuoteApproval (entities/QuoteApproval.md), 4.5.0. {@code automatic} and {@code manual} hold public,
 * followers, following or unsupported_policy; {@code current_user} is automatic, manual, denied or unknown.
 */
public record QuoteApprovalEntity(List<String> automatic, List<String> manual, String currentUser) {
}
