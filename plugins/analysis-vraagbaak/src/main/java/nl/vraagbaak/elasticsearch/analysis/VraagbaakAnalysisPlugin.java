package nl.vraagbaak.elasticsearch.analysis;

import java.util.Map;

import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Supplies the token filters the project's index settings use under the names of the
 * analysis-common module's filters, so the same settings work on a stock node, where that module
 * provides them, and on the integ-test distribution, which lacks it.
 */
public final class VraagbaakAnalysisPlugin extends Plugin implements AnalysisPlugin {
    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "stemmer",
            AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> new DutchStemmerTokenFilterFactory(name, settings)),
            "stemmer_override",
            AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> new StemmerOverrideTokenFilterFactory(name, settings)),
            "synonym_graph",
            AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> new SynonymGraphTokenFilterFactory(name, settings)),
            "dictionary_decompounder",
            AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> new DictionaryDecompounderTokenFilterFactory(name, settings)),
            "asciifolding",
            (indexSettings, env, name, settings) -> new AsciiFoldingTokenFilterFactory(name, settings)
        );
    }
}
