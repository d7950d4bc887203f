package nl.vraagbaak.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.DutchStemmer;

/** The {@code stemmer} filter, restricted to {@code language: dutch} (Snowball's original Dutch stemmer, as analysis-common uses). */
final class DutchStemmerTokenFilterFactory extends AbstractTokenFilterFactory {
    DutchStemmerTokenFilterFactory(String name, Settings settings) {
        super(name);
        // analysis-common accepts the language under either key.
        String language = settings.get("language", settings.get("name", "english"));
        if (!"dutch".equals(language)) {
            throw new IllegalArgumentException(
                "stemmer filter [" + name + "]: language [" + language + "] is not supported by analysis-vraagbaak, only [dutch]"
            );
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new SnowballFilter(tokenStream, new DutchStemmer());
    }
}
