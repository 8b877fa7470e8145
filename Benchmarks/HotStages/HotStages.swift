// Micro-benchmarks of the extractor's hot stages, with allocation counts (ordo-one/benchmark):
//   SITREP_BENCHMARKS=1 swift package --scratch-path .build-bench --allow-writing-to-package-directory benchmark
// Whole-program figures (MB/s, articles/s, peak memory) come from Benchmarks/run.sh.
import Benchmark
import Foundation
import SitrepCore
import SitrepExtract
import SitrepGazetteer
import SitrepRecognize
import SitrepText

/// The seed article of the brief, bundled in Samples/.
let article: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/afghanistan-2021-08-12.txt")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}()

let sentence = "Taliban fighters captured the provincial capital of Qala-i-Naw on Thursday after government forces withdrew, a security source said."
let names = ["Herat", "Qala-e-Naw", "Qal'eh-ye Now", "Pul-i-Khumri", "Kunduz", "Mazar-i-Sharif", "Lashkar Gah", "Taluqan",
             "Sheberghan", "Zaranj", "Khartoum", "Wad Madani", "El Fasher", "Goma", "Bakhmut", "Misrata"]

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]
    let config = Benchmark.Configuration(metrics: metrics, maxDuration: .seconds(5))
    let day = Day(iso: "2021-08-12")

    Benchmark("Tokenizer: the seed article (\(article.utf8.count) bytes)", configuration: config) { b in
        let bytes = Array(article.utf8)
        var folded: [UInt8] = []
        for _ in b.scaledIterations {
            folded.removeAll(keepingCapacity: true)
            blackHole(Tokenizer.tokenize(bytes, folded: &folded))
        }
    }

    Benchmark("Text analysis: sentences, tokens, quotations of the seed article", configuration: config) { b in
        for _ in b.scaledIterations { blackHole(AnalyzedText(article)) }
    }

    Benchmark("Gazetteer: resolve a place name (16 spellings)", configuration: config) { b in
        let resolver = PlaceResolver(gazetteer: try Gazetteer.shared())
        b.startMeasurement()
        for i in b.scaledIterations { blackHole(resolver.candidates(names[i % names.count], context: PlaceContext()).first) }
    }

    Benchmark("Places: recognize the places of the seed article", configuration: config) { b in
        let recognizer = PlaceRecognizer(gazetteer: try Gazetteer.shared())
        let text = AnalyzedText(article)
        b.startMeasurement()
        for _ in b.scaledIterations { blackHole(recognizer.recognize(text)) }
    }

    Benchmark("Dates: resolve the dates of the seed article", configuration: config) { b in
        let resolver = DateResolver()
        let text = AnalyzedText(article)
        for _ in b.scaledIterations { blackHole(resolver.resolve(text, published: day)) }
    }

    Benchmark("Extractor: one sentence", configuration: config) { b in
        let extractor = try EventExtractor.shared()
        let doc = Document(id: "s", published: day, text: sentence)
        b.startMeasurement()
        for _ in b.scaledIterations { blackHole(extractor.extract(doc)) }
    }

    Benchmark("Extractor: the seed article", configuration: config) { b in
        let extractor = try EventExtractor.shared()
        let doc = Document(id: "seed", published: day, text: article)
        b.startMeasurement()
        for _ in b.scaledIterations { blackHole(extractor.extract(doc)) }
    }
}
