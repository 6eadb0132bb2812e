package io.dataport.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Masks secrets in URLs and property maps before they reach a message or a log. */
public final class Urls {
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/@:?#]*):[^@/?#]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;]*");

    private Urls() {
    }

    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USERINFO_PASSWORD.matcher(url).replaceAll("$1:***@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1***");
    }

    public static Map<String, String> maskProperties(Map<String, String> properties) {
        Map<String, String> masked = new LinkedHashMap<>();
        properties.forEach((k, v) -> masked.put(k, k.toLowerCase(Locale.ROOT).contains("password") ? "***" : v));
        return masked;
    }
}
