import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/** Prints Lucene's ASCIIFoldingFilter mapping for every BMP character it changes, as JSON. */
public final class FoldingTable {
    public static void main(String[] args) {
        StringBuilder json = new StringBuilder("{");
        char[] output = new char[8];
        boolean first = true;
        for (int c = 0x80; c <= 0xFFFF; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) continue;
            int length = ASCIIFoldingFilter.foldToASCII(new char[] {(char) c}, 0, output, 0, 1);
            String folded = new String(output, 0, length);
            if (folded.equals(String.valueOf((char) c))) continue;
            if (!first) json.append(",");
            first = false;
            json.append(String.format("\"\\u%04x\":\"", c));
            for (char f : folded.toCharArray()) {
                if (f == '"' || f == '\\') json.append('\\');
                json.append(f);
            }
            json.append('"');
        }
        System.out.println(json.append("}"));
    }
}
