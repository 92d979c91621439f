package io.techo.client;

import java.util.regex.Pattern;

/** Values that go into request paths, checked first so nothing a user typed can change the path. */
public final class PathSegments {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    private PathSegments() {
    }

    /** @throws IllegalArgumentException unless the text is an account id ({@code [A-Za-z0-9._:-]{1,64}}) */
    public static String accountId(String id) {
        if (id == null || !ACCOUNT_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("not an account id (1-64 characters of A-Z a-z 0-9 . _ : -): " + id);
        }
        return id;
    }

    public static String keyId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a key id (64 lowercase hex characters): " + id);
        }
        return id;
    }

    /** @throws IllegalArgumentException unless the text is a category ({@code [a-z][a-z0-9.-]{0,63}}) */
    public static String category(String category) {
        if (category == null || !CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException("not a category (lowercase letters, digits, '.' and '-', starting with a letter): "
                    + category);
        }
        return category;
    }
}
