import KnowledgeGraph

/// The last stage of a sentence: lists. The names of a list ("A, B and C") are of one kind, so
/// a name the earlier stages could not type takes the kind of the others: "Fossil Agro and
/// Sakunda" are companies when one of them is, and "Ahmad Yazbeck, Ezzat Akar and Hasan
/// Othman" people when one of them has a given name.
extension MentionBuilder {
    /// One name of a list: its tokens, and the candidate made for it (nil when none was).
    private struct ListMember {
        var range: Range<Int>
        var candidate: Int?
    }

    /// Types the untyped names of the sentence's lists; `firstCandidate` is the first candidate
    /// the sentence made.
    func typeListMembers(from firstCandidate: Int) {
        // A list needs two names and a comma or "and" between them: most sentences have none.
        guard !sentence.isTitleCase, items.count >= 3, candidates.count > firstCandidate else { return }
        var names = 0
        for item in items {
            if case .token = item { continue }
            names += 1
            if names == 2 { break }
        }
        guard names == 2 else { return }
        var list: [ListMember] = []
        var index = 0
        while index < items.count {
            guard let member = listMember(at: index, from: firstCandidate) else {
                if list.count >= 2 { resolve(list, from: firstCandidate) }
                list.removeAll(keepingCapacity: true)
                index += 1
                continue
            }
            list.append(member)
            // The separator after the member: ",", "and", ", and"; anything else ends the list.
            var next = index + 1
            var separated = false
            if next < items.count, case .token(let token) = items[next], isMark(token, ",") {
                next += 1
                separated = true
            }
            if next < items.count, case .token(let token) = items[next], isLowercaseWord(token, .conjunction) {
                next += 1
                separated = true
            }
            if !separated || next >= items.count || items[next].range.lowerBound != items[next - 1].range.upperBound {
                if list.count >= 2 { resolve(list, from: firstCandidate) }
                list.removeAll(keepingCapacity: true)
                index = next
                continue
            }
            index = next
        }
        if list.count >= 2 { resolve(list, from: firstCandidate) }
    }

    /// The list member that item `index` is: a run, or a hit naming a body or country.
    private func listMember(at index: Int, from firstCandidate: Int) -> ListMember? {
        let range: Range<Int>
        switch items[index] {
        case .run(let run, _): range = run
        case .hit(let hit, let category):
            switch hitCategories[category] {
            case .body, .country, .person: range = hit
            default: return nil
            }
        case .token: return nil
        }
        return ListMember(range: range, candidate: nil)
    }

    /// The candidate made for these tokens, or for a longer name that holds them ("Korea Osong
    /// Shipping" holds the run "Osong Shipping").
    private func candidate(for range: Range<Int>, from firstCandidate: Int) -> Int? {
        candidates.indices[firstCandidate...].last {
            candidates[$0].kind == .name && candidates[$0].tokens.lowerBound <= range.lowerBound
                && candidates[$0].tokens.upperBound >= range.upperBound
        }
    }

    private func resolve(_ members: [ListMember], from firstCandidate: Int) {
        guard members.count >= 2 else { return }
        let list = members.map { ListMember(range: $0.range, candidate: candidate(for: $0.range, from: firstCandidate)) }
        var organizations = 0
        var people = 0
        var others = 0
        for member in list {
            guard let candidate = member.candidate else { continue }
            switch candidates[candidate].type {
            case .organization: organizations += 1
            case .person where candidates[candidate].canStartEntity: people += 1
            case .person: break
            default: others += 1
            }
        }
        guard others == 0 else { return }
        if organizations > 0 && people == 0 {
            for member in list where isUntyped(member) && !member.range.contains(where: { isMark($0, "\"") }) {
                // A surname alone ("Modi") is more likely a person named before than a company, and
                // a name that opens with a given name is a person's ("Jihad Yaghmour, Hamas's envoy").
                if let candidate = member.candidate,
                    candidates[candidate].nameParts.count < 2 || classes(member.range.lowerBound).contains(.givenName)
                {
                    continue
                }
                if let candidate = member.candidate {
                    // A weak person reading gives way to the kind of the list.
                    candidates[candidate].type = .organization
                    candidates[candidate].key = organizationKey(member.range)
                    candidates[candidate].canStartEntity = true
                } else if member.range.allSatisfy({ tokens[$0].kind != .word || tokens[$0].isCapitalized || tokens[$0].isAllCaps
                    || classes($0).contains(.connector) })
                {
                    add(Candidate(tokens: member.range, phrase: member.range, kind: .name, type: .organization,
                                  key: organizationKey(member.range), name: string(member.range)))
                }
            }
        } else if people > 0 && organizations == 0 {
            // Full names only: a single capitalized word in a list of people is as often a place or
            // a people ("Cubans").
            for member in list where isUntyped(member) {
                if let candidate = member.candidate, candidates[candidate].nameParts.count >= 2 {
                    candidates[candidate].canStartEntity = true
                }
            }
        }
    }

    /// A member no stage typed: no candidate, or a person no sign has confirmed yet.
    private func isUntyped(_ member: ListMember) -> Bool {
        guard let candidate = member.candidate else { return true }
        return candidates[candidate].type == .person && !candidates[candidate].canStartEntity
    }
}
