package org.easel.core.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the reference of every config key with its default and description from the
 * {@link Doc} annotations, so the docs cannot drift from the code (a test compares it with
 * configs/README.md).
 */
public final class ConfigReference {
    private ConfigReference() {
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Experiment config reference\n\n")
          .append("Generated from the config records in `modules/easel-core/.../config` by `ConfigReference`; ")
          .append("`ConfigReferenceTest` (easel-cli, where every module's section is on the classpath) fails when this file is stale. Regenerate with ")
          .append("`./easel config-reference > configs/README.md`.\n\n")
          .append("Every key is optional unless its check says otherwise; an absent key takes the default shown. ")
          .append("Unknown keys and wrong types are errors. Override any key on the command line with ")
          .append("`--set path.to.key=value` (list items by index: `model.layers.0.units=512`).\n");
        section(sb, "", ExperimentConfig.class, ExperimentConfig.DEFAULTS);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String path, Class<?> type, Object defaults) {
        Doc typeDoc = type.getAnnotation(Doc.class);
        sb.append("\n## ").append(path.isEmpty() ? "top level" : "`" + path + "`");
        if (typeDoc != null) {
            sb.append(" — ").append(typeDoc.value());
        }
        sb.append("\n\n| key | default | meaning |\n|---|---|---|\n");
        List<Object[]> nested = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String key = (path.isEmpty() ? "" : path + ".") + Names.snake(c.getName());
            Doc doc = c.getAnnotation(Doc.class);
            Object def = defaults == null ? null : ConfigBinder.read(c, defaults);
            Class<?> elem = listElement(c);
            String shown;
            if (type == ExperimentConfig.class && c.getName().equals("sections")) {
                for (var e : ConfigSections.registered().entrySet()) {
                    sb.append("| `").append(e.getKey()).append("` | see below | ");
                    Doc sd = e.getValue().getAnnotation(Doc.class);
                    sb.append(sd == null ? "" : sd.value()).append(" |\n");
                    nested.add(new Object[]{e.getKey(), e.getValue(), ConfigBinder.defaultsOf(e.getValue())});
                }
                continue;
            } else if (c.getType().isRecord()) {
                shown = "see below";
                nested.add(new Object[]{key, c.getType(), def});
            } else if (elem != null && elem.isRecord()) {
                shown = "list, see below";
                nested.add(new Object[]{key + "[]", elem, ConfigBinder.defaultsOf(elem)});
            } else {
                shown = "`" + ConfigYaml.toPlain(def) + "`";
            }
            sb.append("| `").append(key).append("` | ").append(shown).append(" | ")
              .append(doc == null ? "" : doc.value()).append(" |\n");
        }
        for (Object[] n : nested) {
            section(sb, (String) n[0], (Class<?>) n[1], n[2]);
        }
    }

    private static Class<?> listElement(RecordComponent c) {
        if (List.class.isAssignableFrom(c.getType()) && c.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        return null;
    }
}
