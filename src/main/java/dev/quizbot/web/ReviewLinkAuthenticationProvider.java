package dev.quizbot.web;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import dev.quizbot.review.ReviewLinks;

/** Checks a review link's signature and expiry; a bad one fails with the reason the page shows. */
final class ReviewLinkAuthenticationProvider implements AuthenticationProvider {

    private final ReviewLinks links;

    ReviewLinkAuthenticationProvider(ReviewLinks links) {
        this.links = links;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return switch (links.check((String) authentication.getCredentials())) {
            case ReviewLinks.Check.Valid(ReviewLinks.Holder holder) -> ReviewLinkAuthentication.checked(holder);
            case ReviewLinks.Check.Invalid(String reason) -> throw new BadCredentialsException(reason);
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ReviewLinkAuthentication.class.isAssignableFrom(authentication);
    }
}
