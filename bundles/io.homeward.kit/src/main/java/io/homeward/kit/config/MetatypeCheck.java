package io.homeward.kit.config;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Checks configuration values against their metatype (OSGi Compendium 105.3, the attribute's type, option values and
 * the range its {@code validate} enforces): a value the component cannot convert would stop it (Declarative Services
 * fails to activate it), an unlisted option or a value out of range makes it guess. The console's guard checks
 * values before the Configuration dialog stores them; the configuration check keeps every other path's refused
 * values from reaching a component.
 */
public final class MetatypeCheck {
    private static final Set<Integer> WHOLE = Set.of(AttributeDefinition.BYTE, AttributeDefinition.SHORT,
            AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.BIGINTEGER);
    private static final Set<Integer> DECIMAL = Set.of(AttributeDefinition.FLOAT, AttributeDefinition.DOUBLE,
            AttributeDefinition.BIGDECIMAL);

    private MetatypeCheck() {
    }

    /** One line per value the attributes refuse, naming the attribute as the configuration dialog shows it. */
    public static List<String> problems(Collection<AttributeDefinition> attributes,
            Dictionary<String, Object> properties) {
        List<String> problems = new ArrayList<>();
        for (AttributeDefinition attribute : attributes) {
            Object value = properties.get(attribute.getID());
            if (value != null) {
                problem(attribute, value).ifPresent(why -> problems.add(attribute.getName() + " ("
                        + attribute.getID() + "): " + why));
            }
        }
        return problems;
    }

    /**
     * Why the attribute refuses the property's value (a scalar, array or collection): the first element it refuses,
     * quoted, and the reason.
     */
    public static Optional<String> problem(AttributeDefinition attribute, Object value) {
        for (Object element : elements(value)) {
            String why = elementProblem(attribute, element);
            if (why != null) {
                return Optional.of("\"" + element + "\" " + why);
            }
        }
        return Optional.empty();
    }

    /**
     * The metatype of a PID (or factory PID), from whichever bundle declares it; empty when none does.
     */
    public static Optional<ObjectClassDefinition> definition(BundleContext context, MetaTypeService metaType, String id,
            boolean factory) {
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
            if (information != null && Stream.of(factory ? information.getFactoryPids() : information.getPids())
                    .anyMatch(id::equals)) {
                return Optional.ofNullable(information.getObjectClassDefinition(id, null));
            }
        }
        return Optional.empty();
    }

    /** The attributes of a definition, none for a definition without them. */
    public static List<AttributeDefinition> attributes(ObjectClassDefinition definition) {
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return attributes == null ? List.of() : List.of(attributes);
    }

    /** Why the attribute refuses one value, or null. */
    private static String elementProblem(AttributeDefinition attribute, Object value) {
        String text = String.valueOf(value).trim();
        String typeProblem = typeProblem(attribute.getType(), text);
        if (typeProblem != null) {
            return typeProblem;
        }
        String[] options = attribute.getOptionValues();
        if (options != null && options.length > 0 && !List.of(options).contains(text)) {
            return "is not one of " + String.join(", ", options);
        }
        // validate() takes the encoded form of a list attribute (105.15.3.11): commas and backslashes escaped.
        String verdict = attribute.validate(attribute.getCardinality() == 0 ? text
                : text.replace("\\", "\\\\").replace(",", "\\,"));
        return verdict == null || verdict.isEmpty() ? null : "is refused: " + verdict.replaceFirst("^%", "");
    }

    private static String typeProblem(int type, String text) {
        try {
            if (WHOLE.contains(type)) {
                BigInteger whole = new BigInteger(text);
                BigInteger[] bounds = bounds(type);
                if (bounds != null && (whole.compareTo(bounds[0]) < 0 || whole.compareTo(bounds[1]) > 0)) {
                    return "is not a whole number from " + bounds[0] + " to " + bounds[1];
                }
            } else if (DECIMAL.contains(type)) {
                new BigDecimal(text);
            }
        } catch (NumberFormatException e) {
            return WHOLE.contains(type) ? "is not a whole number" : "is not a number";
        }
        if (type == AttributeDefinition.BOOLEAN && !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            return "is neither true nor false";
        }
        if (type == AttributeDefinition.CHARACTER && text.length() != 1) {
            return "is not a single character";
        }
        return null;
    }

    private static BigInteger[] bounds(int type) {
        return switch (type) {
            case AttributeDefinition.BYTE -> range(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case AttributeDefinition.SHORT -> range(Short.MIN_VALUE, Short.MAX_VALUE);
            case AttributeDefinition.INTEGER -> range(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case AttributeDefinition.LONG -> range(Long.MIN_VALUE, Long.MAX_VALUE);
            default -> null;
        };
    }

    private static BigInteger[] range(long min, long max) {
        return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
    }

    /** The values of a scalar, array or collection property. */
    private static List<Object> elements(Object value) {
        List<Object> elements = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            elements.addAll(collection);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(Array.get(value, i));
            }
        } else {
            elements.add(value);
        }
        return elements;
    }
}
