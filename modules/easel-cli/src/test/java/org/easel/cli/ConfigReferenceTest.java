package org.easel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.easel.core.config.ConfigReference;
import org.junit.jupiter.api.Test;

/** configs/README.md is the generated key reference; it must say what the code accepts (every module's section included). */
class ConfigReferenceTest {
    @Test
    void configsReadmeIsTheGeneratedReference() throws Exception {
        Path readme = Path.of("../../configs/README.md");
        assertTrue(Files.isRegularFile(readme), "configs/README.md not found from " + Path.of("").toAbsolutePath());
        String generated = ConfigReference.markdown();
        assertTrue(generated.contains("`transfer.backbone`") && generated.contains("`style.backbone`") && generated.contains("`vae.latent_dim`")
                && generated.contains("`data.synthetic.financial_count`"), "every module's section is in the reference");
        assertEquals(generated, Files.readString(readme),
                "configs/README.md is stale: regenerate it with ./easel config-reference > configs/README.md");
    }
}
