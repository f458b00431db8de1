package com.assethatch.project.cache;

/**
 * Where in Redis a cache operation lands: a row's own key ({@link #entry}), one member of a list
 * ({@link #member}), or a whole key ({@link #wholeKey}, for drops). {@link StaleKeys} tracks slots.
 */
public record Slot(String key, String member) {

    /** The member name of a row's own key, which holds a single value. */
    static final String ENTRY = "";

    public static Slot entry(String key) {
        return new Slot(key, ENTRY);
    }

    public static Slot member(String listKey, String member) {
        return new Slot(listKey, member);
    }

    /** Every member of the key at once. */
    public static Slot wholeKey(String key) {
        return new Slot(key, null);
    }

    boolean isEntry() {
        return ENTRY.equals(member);
    }

    boolean isWholeKey() {
        return member == null;
    }
}
