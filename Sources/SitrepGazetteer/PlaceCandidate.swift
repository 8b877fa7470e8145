/// One reading of a name: a place, the name entry that matched, how closely, and its rank score.
public struct PlaceCandidate: Sendable {
    public enum Match: Int, Sendable, Comparable {
        case fuzzy = 0, skeleton = 1, exact = 2
        public static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }
    }

    public var place: Int
    public var entry: Int32
    public var match: Match
    public var score: Double = 0
}

/// What the surroundings say about a name: the document's countries and divisions, and words around it.
public struct PlaceContext: Sendable {
    /// Country code → weight (how much the document is about it).
    public var countries = CountryWeights()
    /// Division keys ("AF.02") the document names.
    public var divisions: Set<String> = []
    /// Only places of this country (the `--country` option).
    public var requiredCountry: String?
    /// "X province", "province of X": a first-order division is meant.
    public var wantsDivision = false
    /// "the city of X", "X city", "town of X": a town is meant.
    public var wantsTown = false
    /// "X, Afghanistan", "capital of Y": a country stated beside the name.
    public var statedCountry: String?

    public init() {}
}

/// Country code → weight, for the handful of countries a document is about.
///
/// A list searched in order, not a dictionary: every candidate of every name asks for its country, and codes are
/// small strings, compared in registers where a dictionary hashed each one.
public struct CountryWeights: Sendable, ExpressibleByDictionaryLiteral {
    private var codes: [String] = []
    private var weights: [Double] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, Double)...) {
        for (c, w) in elements { self[c] = w }
    }

    public subscript(code: String) -> Double? {
        get { codes.firstIndex(of: code).map { weights[$0] } }
        set {
            if let k = codes.firstIndex(of: code) {
                if let newValue { weights[k] = newValue } else { codes.remove(at: k); weights.remove(at: k) }
            } else if let newValue {
                codes.append(code)
                weights.append(newValue)
            }
        }
    }

    public var isEmpty: Bool { codes.isEmpty }
    public var count: Int { codes.count }

    /// Adds `w` to the weight of `code` (from 0).
    public mutating func add(_ code: String, _ w: Double) {
        if let k = codes.firstIndex(of: code) { weights[k] += w } else { codes.append(code); weights.append(w) }
    }

    public var maximum: Double? { weights.max() }

    /// The heaviest country; of equal weights, the first code in alphabetical order.
    public var heaviest: String? {
        var best: Int? = nil
        for k in codes.indices {
            if let b = best, weights[k] < weights[b] || weights[k] == weights[b] && codes[k] > codes[b] { continue }
            best = k
        }
        return best.map { codes[$0] }
    }

    /// Every code and weight, in the order they were first set.
    public func forEach(_ body: (String, Double) -> Void) {
        for k in codes.indices { body(codes[k], weights[k]) }
    }
}
