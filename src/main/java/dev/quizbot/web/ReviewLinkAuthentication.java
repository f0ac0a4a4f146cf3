package dev.quizbot.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.quizbot.review.ReviewLinks;

/**
 * A review link's token: unchecked as it arrives (the token its only content), then checked,
 * with the link's community and admin as principal and the one authority the review API needs.
 */
final class ReviewLinkAuthentication extends AbstractAuthenticationToken {

    static final String AUTHORITY = "REVIEW_QUEUE";

    private final String token;
    private final ReviewLinks.Holder holder;

    private ReviewLinkAuthentication(String token, ReviewLinks.Holder holder) {
        super(holder == null ? List.of() : List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.token = token;
        this.holder = holder;
        setAuthenticated(holder != null);
    }

    static ReviewLinkAuthentication unchecked(String token) {
        return new ReviewLinkAuthentication(token, null);
    }

    static ReviewLinkAuthentication checked(ReviewLinks.Holder holder) {
        return new ReviewLinkAuthentication(null, holder);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return holder;
    }

    @Override
    public String getName() {
        // names the admin, never the token: Spring may log it
        return holder == null ? "" : holder.communityKey() + "/" + holder.adminId();
    }
}
