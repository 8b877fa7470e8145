import ArgumentParser
import SitrepCore
import SitrepExtract
import SitrepIngest

struct RecognizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recognize",
        abstract: "List the places, actors and dates Sitrep recognizes in each document.",
        discussion: """
        Shows what the extractor works from, with code-point offsets into the text: places with their \
        gazetteer key, country and feature code; actors with their kind; dates as resolved.

        Example:
          sitrep recognize article.txt --published 2021-08-12
        """)

    @Argument(help: "Files, folders or '-' (standard input).")
    var paths: [String]

    @Option(help: "Publication date (YYYY-MM-DD) of documents that carry none.")
    var published: String?

    func validate() throws {
        if let published, Day(iso: published) == nil {
            throw ValidationError("--published takes a date as YYYY-MM-DD, not '\(published)'.")
        }
    }

    func run() throws {
        try runReportingErrors {
            let extractor = try EventExtractor.shared()
            let reader = DocumentReader(published: published.flatMap { Day(iso: $0) }, warn: { StandardError.print($0) })
            var out = OutputStream()
            try reader.read(paths) { doc in
                let r = extractor.recognize(doc)
                out.write("# \(doc.id): country \(r.mainCountry ?? "—"), armed group \(r.armedGroup ?? "—")\n")
                for i in r.items {
                    out.write(pad(i.kind, 7) + pad("\(i.start)-\(i.end)", 11) + pad(i.text, 32) + i.value + "\n")
                }
            }
            out.flush()
        }
    }
}
