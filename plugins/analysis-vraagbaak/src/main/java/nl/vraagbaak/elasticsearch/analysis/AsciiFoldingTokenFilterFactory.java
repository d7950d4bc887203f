package nl.vraagbaak.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * The {@code asciifolding} filter ({@code preserve_original} false only). Normalizing, as in analysis-common, so
 * prefix and fuzzy queries are folded too ("Financië*" finds "financien").
 */
final class AsciiFoldingTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
    AsciiFoldingTokenFilterFactory(String name, Settings settings) {
        super(name);
        if (settings.getAsBoolean("preserve_original", false)) {
            throw new IllegalArgumentException("asciifolding filter [" + name + "]: [preserve_original] is not supported by analysis-vraagbaak");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream, false);
    }
}
