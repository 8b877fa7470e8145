import Foundation
import SitrepCore

/// One row of a control gold table (spec/eval.md): `place,province,country,lat,lon,taken_by,date,source_urls,note`.
public struct ControlGoldRow: Sendable {
    public var place: String
    public var country: String?
    public var lat: Double?
    public var lon: Double?
    public var takenBy: String?
    public var date: Day
}

public enum ControlGold {
    /// Reads the CSV (RFC 4180 quoting); a row without a place or a readable date is an error naming its line.
    public static func read(_ path: String) throws -> [ControlGoldRow] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SitrepError(.missingFile, "no such file", at: path, hint: "give the control gold table as CSV")
        }
        let rows = parse(String(decoding: data, as: UTF8.self))
        guard let header = rows.first else { throw SitrepError(.emptyInput, "the file is empty", at: path) }
        let col = Dictionary(header.enumerated().map { ($1.trimmingCharacters(in: .whitespaces).lowercased(), $0) },
                             uniquingKeysWith: { a, _ in a })
        for needed in ["place", "date"] where col[needed] == nil {
            throw SitrepError(.missingField, "no \"\(needed)\" column", at: path,
                              hint: "the header is place,province,country,lat,lon,taken_by,date,source_urls,note")
        }
        var out: [ControlGoldRow] = []
        for (n, r) in rows.dropFirst().enumerated() where !(r.count == 1 && r[0].isEmpty) {
            func field(_ k: String) -> String? {
                guard let i = col[k], i < r.count else { return nil }
                let v = r[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            guard let place = field("place"), let ds = field("date"), let d = Day(iso: ds) else {
                throw SitrepError(.badData, "line \(n + 2) lacks a place or a YYYY-MM-DD date", at: path)
            }
            out.append(ControlGoldRow(place: place, country: field("country"), lat: field("lat").flatMap(Double.init),
                                      lon: field("lon").flatMap(Double.init), takenBy: field("taken_by"), date: d))
        }
        return out
    }

    /// CSV rows: fields split at commas outside double quotes; "" inside quotes is a quote.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var it = text.makeIterator()
        while let c = it.next() {
            if quoted {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { field.append("\"") } else {
                            quoted = false
                            if n == "," { row.append(field); field = "" } else if n == "\n" || n == "\r\n" {
                                row.append(field); rows.append(row); row = []; field = ""
                            } else { field.append(n) }
                        }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
