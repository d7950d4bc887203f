package nl.vraagbaak.elasticsearch.analysis;

import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * The {@code dictionary_decompounder} filter with an inline {@code word_list} and analysis-common's settings
 * {@code min_word_size}, {@code min_subword_size}, {@code max_subword_size}, {@code only_longest_match}
 * (Lucene's defaults when absent). Not supported: {@code word_list_path}.
 */
final class DictionaryDecompounderTokenFilterFactory extends AbstractTokenFilterFactory {
    private final CharArraySet wordList;
    private final int minWordSize;
    private final int minSubwordSize;
    private final int maxSubwordSize;
    private final boolean onlyLongestMatch;

    DictionaryDecompounderTokenFilterFactory(String name, Settings settings) {
        super(name);
        if (settings.get("word_list_path") != null) {
            throw new IllegalArgumentException("dictionary_decompounder filter [" + name + "]: only an inline [word_list] is supported");
        }
        List<String> words = settings.getAsList("word_list");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("word_list must be provided for [" + name + "], either as a path to a file, or directly");
        }
        wordList = new CharArraySet(words, false);
        minWordSize = settings.getAsInt("min_word_size", CompoundWordTokenFilterBase.DEFAULT_MIN_WORD_SIZE);
        minSubwordSize = settings.getAsInt("min_subword_size", CompoundWordTokenFilterBase.DEFAULT_MIN_SUBWORD_SIZE);
        maxSubwordSize = settings.getAsInt("max_subword_size", CompoundWordTokenFilterBase.DEFAULT_MAX_SUBWORD_SIZE);
        onlyLongestMatch = settings.getAsBoolean("only_longest_match", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new DictionaryCompoundWordTokenFilter(tokenStream, wordList, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        // As analysis-common: synonym rules are not decompounded.
        return IDENTITY_FILTER;
    }
}
