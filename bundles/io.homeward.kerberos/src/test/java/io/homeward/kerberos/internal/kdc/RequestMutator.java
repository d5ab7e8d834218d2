package io.homeward.kerberos.internal.kdc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Mutations of valid KDC requests that a hostile client could send: bit flips, truncations, edits of DER length
 * fields and tags (X.690 §8.1.2, §8.1.3), element deletions and duplications, odd octet values, other contents for
 * primitive elements, and splices between messages, whole elements or cut points. The element edits mostly fix the
 * lengths of the elements around them, so that the mutation reaches the decoder of the field it hits rather than
 * breaking the outer framing. Driven by a {@link Choices} source, so the same mutations come from a seeded
 * {@link java.util.Random} (the unit test) or from Jazzer's input (the fuzz target).
 */
final class RequestMutator {
    /** The numbers of mutations this class makes, {@link #mutate} picks one by its index. */
    private static final int KINDS = 9;
    /** Elements walked in one message at most: a PKINIT AS-REQ has a few hundred. */
    private static final int MAX_ELEMENTS = 4096;
    private static final byte[] INTERESTING = {0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0x82,
        (byte) 0x84, (byte) 0xff};

    /** Where the randomness comes from: a number in {@code [0, bound)}. */
    @FunctionalInterface
    interface Choices {
        int next(int bound);
    }

    /** One DER element: where its header starts, where its contents start and how long they are. */
    private record Element(int offset, int contentOffset, int length) {
        int end() {
            return contentOffset + length;
        }
    }

    private final List<byte[]> donors;

    /** @param donors the messages splices take octets from */
    RequestMutator(List<byte[]> donors) {
        this.donors = List.copyOf(donors);
    }

    /** One mutation of {@code valid} (two in a third of the calls), which is not changed. */
    byte[] mutate(byte[] valid, Choices choices) {
        byte[] message = valid.clone();
        for (int rounds = choices.next(3) == 0 ? 2 : 1; rounds > 0 && message.length > 0; rounds--) {
            message = mutateOnce(message, choices.next(KINDS), choices);
        }
        return message;
    }

    private byte[] mutateOnce(byte[] message, int kind, Choices choices) {
        List<Element> elements = elements(message);
        Element element = elements.isEmpty() ? null : elements.get(choices.next(elements.size()));
        return switch (element == null ? kind % 2 : kind) {
            case 0 -> flipBits(message, choices);
            case 1 -> Arrays.copyOf(message, choices.next(message.length));
            case 2 -> editLength(message, element, choices);
            case 3 -> editTag(message, element, choices);
            case 4 -> choices.next(2) == 0
                    ? edit(message, elements, element.offset(), element.offset(), element.end(), new byte[0], choices)
                    : edit(message, elements, element.offset(), element.end(), element.end(), Arrays.copyOfRange(
                            message, element.offset(), element.end()), choices);
            case 5 -> spliceElement(message, elements, element, choices);
            case 6 -> spliceCut(message, choices);
            case 7 -> interestingOctets(message, choices);
            default -> otherContents(message, elements, element, choices);
        };
    }

    /**
     * Every element the octets hold, walked from the start: the contents of constructed elements and of OCTET
     * STRINGs that hold DER (PA-DATA values, the CMS content, the AP-REQ inside PA-TGS-REQ) too.
     */
    private static List<Element> elements(byte[] message) {
        List<Element> found = new ArrayList<>();
        walk(message, 0, message.length, found, 0);
        return found;
    }

    private static void walk(byte[] m, int from, int to, List<Element> found, int depth) {
        int at = from;
        while (at < to && found.size() < MAX_ELEMENTS && depth < 32) {
            int tag = m[at] & 0xff;
            if ((tag & 0x1f) == 0x1f || at + 1 >= to) {
                return;
            }
            int first = m[at + 1] & 0xff;
            int header = 2;
            long length = first;
            if (first > 0x80) {
                int octets = first & 0x7f;
                if (octets > 3 || at + 2 + octets > to) {
                    return;
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (m[at + 2 + i] & 0xff);
                }
                header += octets;
            } else if (first == 0x80) {
                return;
            }
            if (at + header + length > to) {
                return;
            }
            Element element = new Element(at, at + header, (int) length);
            found.add(element);
            if ((tag & 0x20) != 0 || tag == 0x04) {
                int before = found.size();
                walk(m, element.contentOffset(), element.end(), found, depth + 1);
                if (tag == 0x04 && !covers(found, before, element)) {
                    found.subList(before, found.size()).clear();
                }
            }
            at = element.end();
        }
    }

    /** Whether the elements found from {@code before} on are the contents, whole: an OCTET STRING that holds DER. */
    private static boolean covers(List<Element> found, int before, Element outer) {
        int at = outer.contentOffset();
        for (int i = before; i < found.size(); i++) {
            Element inner = found.get(i);
            if (inner.offset() == at && inner.end() <= outer.end()) {
                at = inner.end();
            }
        }
        return found.size() > before && at == outer.end();
    }

    private static byte[] flipBits(byte[] message, Choices choices) {
        for (int flips = 1 + choices.next(4); flips > 0; flips--) {
            message[choices.next(message.length)] ^= (byte) (1 << choices.next(8));
        }
        return message;
    }

    private static byte[] interestingOctets(byte[] message, Choices choices) {
        for (int edits = 1 + choices.next(8); edits > 0; edits--) {
            message[choices.next(message.length)] = INTERESTING[choices.next(INTERESTING.length)];
        }
        return message;
    }

    /** Another length in the element's header, its contents left as they are (X.690 §8.1.3). */
    private static byte[] editLength(byte[] message, Element element, Choices choices) {
        int length = element.length();
        byte[] header = switch (choices.next(8)) {
            case 0 -> lengthOctets(length + 1);
            case 1 -> lengthOctets(Math.max(0, length - 1));
            case 2 -> lengthOctets(0);
            case 3 -> new byte[] {(byte) 0x80};
            case 4 -> new byte[] {(byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
            case 5 -> new byte[] {(byte) 0x81, (byte) Math.min(length, 0x7f)};
            case 6 -> new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
            default -> lengthOctets(choices.next(1 << 16));
        };
        return cut(message, element.offset() + 1, element.contentOffset(), header);
    }

    /** Another tag for the element: another number, class or form, or a multi-octet tag (X.690 §8.1.2). */
    private static byte[] editTag(byte[] message, Element element, Choices choices) {
        int tag = message[element.offset()] & 0xff;
        byte[] replacement = switch (choices.next(6)) {
            case 0 -> new byte[] {(byte) (tag + 1)};
            case 1 -> new byte[] {(byte) (tag - 1)};
            case 2 -> new byte[] {(byte) (tag ^ 0x20)};
            case 3 -> new byte[] {(byte) (tag ^ 0xc0)};
            case 4 -> new byte[] {(byte) (tag | 0x1f), (byte) choices.next(128)};
            default -> new byte[] {(byte) choices.next(256)};
        };
        return cut(message, element.offset(), element.offset() + 1, replacement);
    }

    /** An element replaced with one of another message (or of this one). */
    private byte[] spliceElement(byte[] message, List<Element> elements, Element element, Choices choices) {
        byte[] donor = donors.get(choices.next(donors.size()));
        List<Element> theirs = elements(donor);
        if (theirs.isEmpty()) {
            return message;
        }
        Element given = theirs.get(choices.next(theirs.size()));
        return edit(message, elements, element.offset(), element.offset(), element.end(), Arrays.copyOfRange(donor,
                given.offset(), given.end()), choices);
    }

    /**
     * Other contents for the element, its tag kept: none, one octet, a prefix of them, them longer, negative or huge
     * numbers, 300 characters.
     */
    private static byte[] otherContents(byte[] message, List<Element> elements, Element element, Choices choices) {
        byte[] contents = Arrays.copyOfRange(message, element.contentOffset(), element.end());
        byte[] replacement = switch (choices.next(7)) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {INTERESTING[choices.next(INTERESTING.length)]};
            case 2 -> Arrays.copyOf(contents, contents.length == 0 ? 0 : choices.next(contents.length));
            case 3 -> Arrays.copyOf(contents, contents.length + 1 + choices.next(64));
            case 4 -> new byte[] {(byte) 0x80, 0, 0, 0};
            case 5 -> new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff};
            default -> "A".repeat(300).getBytes(StandardCharsets.US_ASCII);
        };
        return edit(message, elements, element.offset() + 1, element.contentOffset(), element.end(), replacement,
                choices);
    }

    /**
     * The octets from {@code from} to {@code to} replaced; in three cases out of four the length of every element
     * around them that starts before {@code startsBefore} is made to fit, innermost first (a length may take more or
     * fewer octets). An edited element's own length is fixed when {@code startsBefore} is one past its tag.
     */
    private static byte[] edit(byte[] message, List<Element> elements, int startsBefore, int from, int to,
            byte[] replacement, Choices choices) {
        byte[] edited = cut(message, from, to, replacement);
        if (choices.next(4) == 0) {
            return edited;
        }
        List<Element> around = elements.stream()
                .filter(e -> e.offset() < startsBefore && e.contentOffset() <= from && to <= e.end())
                .sorted(Comparator.comparingInt(Element::offset).reversed()).toList();
        int delta = replacement.length - (to - from);
        for (Element outer : around) {
            byte[] length = lengthOctets(outer.length() + delta);
            int before = outer.contentOffset() - outer.offset() - 1;
            edited = cut(edited, outer.offset() + 1, outer.contentOffset(), length);
            delta += length.length - before;
        }
        return edited;
    }

    /** This message up to a point, another from a point on. */
    private byte[] spliceCut(byte[] message, Choices choices) {
        byte[] donor = donors.get(choices.next(donors.size()));
        int at = choices.next(message.length);
        int from = choices.next(donor.length);
        return cut(message, at, message.length, Arrays.copyOfRange(donor, from, donor.length));
    }

    private static byte[] cut(byte[] message, int from, int to, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + replacement.length);
        out.write(message, 0, from);
        out.writeBytes(replacement);
        out.write(message, to, message.length - to);
        return out.toByteArray();
    }

    private static byte[] lengthOctets(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
