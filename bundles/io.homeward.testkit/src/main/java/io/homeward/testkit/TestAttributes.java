package io.homeward.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.felix.metatype.AD;
import org.osgi.service.metatype.AttributeDefinition;

/** Metatype attributes as the runtime's Felix MetaTypeService gives them (its {@code validate} included). */
public final class TestAttributes {
    private TestAttributes() {
    }

    /** An attribute of {@code type} ("Integer", "String", ...) with an optional range ({@code min}, {@code max}). */
    public static AttributeDefinition attribute(String id, String name, String type, int cardinality, String min,
            String max) {
        AD ad = new AD();
        ad.setID(id);
        ad.setName(name);
        ad.setType(type);
        ad.setCardinality(cardinality);
        ad.setMin(min);
        ad.setMax(max);
        return new FelixAttribute(ad);
    }

    /** The attribute with these option values (and the same labels). */
    public static AttributeDefinition withOptions(AttributeDefinition attribute, String... values) {
        AD ad = ((FelixAttribute) attribute).ad;
        Map<String, String> options = new LinkedHashMap<>();
        for (String v : values) {
            options.put(v, v);
        }
        ad.setOptions(options);
        return attribute;
    }

    /** Felix Metatype's attribute model, whose validate() the runtime's MetaTypeService uses. */
    private record FelixAttribute(AD ad) implements AttributeDefinition {
        @Override
        public String getName() {
            return ad.getName();
        }

        @Override
        public String getID() {
            return ad.getID();
        }

        @Override
        public String getDescription() {
            return ad.getDescription();
        }

        @Override
        public int getCardinality() {
            return ad.getCardinality();
        }

        @Override
        public int getType() {
            return ad.getType();
        }

        @Override
        public String[] getOptionValues() {
            return ad.getOptionValues();
        }

        @Override
        public String[] getOptionLabels() {
            return ad.getOptionLabels();
        }

        @Override
        public String validate(String value) {
            return ad.validate(value);
        }

        @Override
        public String[] getDefaultValue() {
            return ad.getDefaultValue();
        }
    }
}
