package nl.vraagbaak.elasticsearch.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * The {@code synonym_graph} filter with inline {@code synonyms} in Solr format ({@code "a, b, c"}, {@code "a => b"})
 * and {@code expand} (default true). Like analysis-common, the rules are analysed with the analyzer's own
 * tokenizer, char filters and the filters that precede this one, so "Agentschap Innoveren en Ondernemen" in a rule
 * matches the same tokens a query produces. Not supported: synonyms_path, synonyms_set, wordnet format, lenient.
 */
final class SynonymGraphTokenFilterFactory extends AbstractTokenFilterFactory {
    private final List<String> rules;
    private final boolean expand;

    SynonymGraphTokenFilterFactory(String name, Settings settings) {
        super(name);
        rules = settings.getAsList("synonyms");
        expand = settings.getAsBoolean("expand", true);
        String format = settings.get("format", "solr");
        if (!"solr".equals(format)) {
            throw new IllegalArgumentException("synonym_graph filter [" + name + "]: format [" + format + "] is not supported, only [solr]");
        }
        if (settings.get("synonyms_path") != null || settings.get("synonyms_set") != null) {
            throw new IllegalArgumentException("synonym_graph filter [" + name + "]: only inline [synonyms] are supported");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("synonym_graph filter [" + name() + "] must be specialised for its analysis chain first");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        Analyzer ruleAnalyzer = new CustomAnalyzer(
            tokenizer,
            charFilters.toArray(new CharFilterFactory[0]),
            previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
        );
        SynonymMap synonyms = parse(ruleAnalyzer);
        String filterName = name();
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return filterName;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                // A later synonym filter must not see this one's expansions while parsing its own rules.
                return IDENTITY_FILTER;
            }
        };
    }

    private SynonymMap parse(Analyzer ruleAnalyzer) {
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, expand, ruleAnalyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("synonym_graph filter [" + name() + "]: failed to build synonyms: " + e.getMessage(), e);
        }
    }
}
