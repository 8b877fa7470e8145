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

    @OptionGroup var input: InputOptions

    func run() throws {
        try runReportingErrors {
            let extractor = try EventExtractor.shared()
            var out = OutputStream()
            try input.reader.read(input.paths) { doc in
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
