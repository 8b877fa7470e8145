import ArgumentParser
import SitrepCore
import SitrepIngest

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Show what Sitrep read from each input: the documents the extractor sees.",
        discussion: """
        Prints one JSON object per document: {"id","url","outlet","title","published","text","story"}. \
        For a web page, "text" is the article body found in the page (menus, ads, captions, comments and \
        related links dropped) and the other fields come from its metadata; a feed gives one document per \
        item. "story" is the id of the earliest document carrying the same wire story (its own id when it is \
        the only copy).

        Examples:
          sitrep text page.html
          sitrep text feeds/ --input-format feed
        """)

    @OptionGroup var input: InputOptions

    func run() throws {
        try runReportingErrors {
            var out = OutputStream()
            var w = JSONWriter()
            for d in try input.documents() {
                w.reset()
                w.beginObject()
                w.field("id", d.id)
                w.field("url", d.url)
                w.field("outlet", d.outlet)
                w.field("title", d.title)
                w.field("published", d.published)
                w.field("text", d.text)
                w.field("story", d.story)
                w.endObject()
                out.write(w.bytes + [10])
            }
            out.flush()
        }
    }
}
