package dev.quizbot.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.quizbot.chat.Caller;
import dev.quizbot.chat.Reply;
import dev.quizbot.round.RoundService;

/**
 * The signed, expiring links {@code review web} gives an admin. A token is
 * {@code base64url(community \n admin \n expiry) . base64url(HMAC-SHA256)}: the community it
 * opens, the admin its decisions are recorded under, and when it stops working. The key is
 * {@code QUIZBOT_REVIEW_SECRET} when set, otherwise one made at random and kept in the
 * database, so every instance checks the links every other gives.
 */
@Service
public class ReviewLinks {

    /** Tokens longer than this are refused unread: they come from the address bar. */
    public static final int MAX_TOKEN_LENGTH = 1_000;
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReviewProperties properties;
    private final String baseUrl;
    private final String configuredSecret;
    private volatile byte[] key;

    ReviewLinks(JdbcClient jdbc, Clock clock, ReviewProperties properties,
                @Value("${quizbot.web.base-url:http://localhost:8080}") String baseUrl,
                @Value("${QUIZBOT_REVIEW_SECRET:}") String configuredSecret) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.configuredSecret = configuredSecret.strip();
    }

    /** Who a valid link lets in. */
    public record Holder(String communityKey, String adminId, Instant expires) {
    }

    /** What checking a token found: its holder, or why it opens nothing. */
    public sealed interface Check {
        record Valid(Holder holder) implements Check {
        }

        record Invalid(String reason) implements Check {
        }
    }

    /** The admin's private reply to {@code review web}; the caller was checked to be an admin. */
    Reply offer(Caller caller) {
        Instant expires = clock.instant().plus(properties.webLinkTtl());
        String token = token(new Holder(RoundService.communityKey(caller.channel()), caller.userId(), expires));
        return new Reply.Done("The review queue on the web, for this server only, until "
                + shown(expires) + " UTC (keep it to yourself: it lets anyone holding it decide"
                + " as you): " + baseUrl + "/review?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    String token(Holder holder) {
        String payload = holder.communityKey() + "\n" + holder.adminId() + "\n" + holder.expires().getEpochSecond();
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(sign(body));
    }

    public Check check(String token) {
        if (token == null || token.isBlank()) {
            return new Check.Invalid("This page needs the link `review web` gives an admin in chat.");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Check.Invalid("This review link is not valid: it is too long. Ask for a new one with `review web`.");
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return invalidSignature();
        }
        byte[] body;
        try {
            body = B64D.decode(token.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return invalidSignature();
        }
        // compared as text: the decoder ignores a last character's spare bits, so two spellings
        // of one signature would both pass as bytes
        byte[] expected = B64.encodeToString(sign(body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return invalidSignature();
        }
        String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3 || !parts[2].matches("\\d{1,12}")) {
            return invalidSignature();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (!clock.instant().isBefore(expires)) {
            return new Check.Invalid("This review link expired at " + shown(expires)
                    + " UTC. Ask for a new one with `review web`.");
        }
        return new Check.Valid(new Holder(parts[0], parts[1], expires));
    }

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    private static String shown(Instant at) {
        return SHOWN.format(at);
    }

    private static Check invalidSignature() {
        return new Check.Invalid("This review link is not valid (it was changed or cut short). Ask for a new one with"
                + " `review web`.");
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key(), HMAC));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = configuredSecret.isEmpty() ? storedSecret() : configuredSecret.getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    /** The database's secret, made by whichever instance asks first; the others read that one. */
    private byte[] storedSecret() {
        Optional<String> stored = read();
        if (stored.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                jdbc.sql("INSERT INTO review_link_secret (id, secret) VALUES (1, ?)")
                        .param(HexFormat.of().formatHex(random)).update();
            } catch (DuplicateKeyException raced) {
                // another instance stored its secret first; that one is read below
            }
            stored = read();
        }
        return HexFormat.of().parseHex(stored.orElseThrow());
    }

    private Optional<String> read() {
        return jdbc.sql("SELECT secret FROM review_link_secret WHERE id = 1").query(String.class).optional();
    }
}
