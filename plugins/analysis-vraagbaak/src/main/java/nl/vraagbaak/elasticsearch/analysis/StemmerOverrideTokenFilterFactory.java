package nl.vraagbaak.elasticsearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** The {@code stemmer_override} filter with inline {@code rules} such as {@code "fiets => fiets"} or {@code "a, b => c"}. */
final class StemmerOverrideTokenFilterFactory extends AbstractTokenFilterFactory {
    private final StemmerOverrideMap overrides;

    StemmerOverrideTokenFilterFactory(String name, Settings settings) {
        super(name);
        List<String> rules = settings.getAsList("rules");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("stemmer_override filter [" + name + "] requires [rules]");
        }
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String rule : rules) {
            addRule(builder, name, rule);
        }
        try {
            overrides = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addRule(StemmerOverrideFilter.Builder builder, String name, String rule) {
        String[] sides = rule.split("=>", -1);
        String stem = sides.length == 2 ? sides[1].trim() : "";
        if (stem.isEmpty()) {
            throw new IllegalArgumentException("stemmer_override filter [" + name + "]: invalid rule [" + rule + "], expected \"word[, word] => stem\"");
        }
        for (String word : sides[0].split(",")) {
            String trimmed = word.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("stemmer_override filter [" + name + "]: invalid rule [" + rule + "], empty word");
            }
            builder.add(trimmed, stem);
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StemmerOverrideFilter(tokenStream, overrides);
    }
}
