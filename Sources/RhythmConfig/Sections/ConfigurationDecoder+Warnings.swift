import RhythmCore

/// Checks across sections for things that are allowed but probably not meant.
extension ConfigurationDecoder {
    func warnAboutLikelyMistakes(in initiative: Initiative, entries: SectionEntries) {
        warnAboutReviewSeries(initiative, entries: entries)
        warnAboutGroupChannels(initiative, entries: entries)
        warnAboutSharedAddresses(initiative, entries: entries)
        warnAboutOutlookRules(initiative, entries: entries)
        warnAboutInvitationsWithoutEmail(initiative, entries: entries)
    }

    /// Invitations go through the first e-mail channel; without one, nobody gets them.
    private func warnAboutInvitationsWithoutEmail(_ initiative: Initiative, entries: SectionEntries) {
        guard !initiative.channels.contains(where: \.kind.isEmail) else { return }
        for person in initiative.people where person.wantsInvitations {
            let value = entries.value(in: "people", id: person.id, key: "invitations")
            log.warning(
                "invitations are sent by e-mail, and there is no e-mail channel, so \(person.id) will get none; "
                    + "add a channel of type email or remove invitations:",
                at: value?.mark, path: value?.path ?? ConfigPath().appending("people"))
        }
    }

    /// A rule Outlook cannot import as a recurring series: its users would see one meeting.
    private func warnAboutOutlookRules(_ initiative: Initiative, entries: SectionEntries) {
        for series in initiative.series {
            guard let reasons = series.recurrence?.outlookIncompatibilities, !reasons.isEmpty else { continue }
            let value = entries.value(in: "series", id: series.id, key: "rule")
            log.warning(
                "Outlook cannot import this rule as a recurring series (\(reasons.joined(separator: "; "))), so "
                    + "people who subscribe in Outlook will see only the first meeting; other calendars are "
                    + "unaffected. Use a simpler rule or split the series in two",
                at: value?.mark, path: value?.path ?? ConfigPath().appending("series"))
        }
    }

    /// An indicator reviewed at a meeting that is not an indicator review.
    private func warnAboutReviewSeries(_ initiative: Initiative, entries: SectionEntries) {
        let series = Dictionary(initiative.series.map { ($0.id, $0) }) { first, _ in first }
        for (index, indicator) in initiative.indicators.enumerated() {
            guard let reviewID = indicator.reviewSeriesID, let review = series[reviewID],
                review.kind != .indicatorReview
            else { continue }
            let value = entries.value(in: "indicators", id: indicator.id, key: "review")
            log.warning(
                "the review series \"\(reviewID)\" is of kind \(review.kind.name), not indicator-review, so its "
                    + "agenda will not show the scorecard; set kind: indicator-review on it or name another series",
                at: value?.mark, path: value?.path ?? ConfigPath().appending("indicators").appending(index: index))
        }
    }

    /// A group whose chat channel is e-mail: chat reminders to the group cannot go there.
    private func warnAboutGroupChannels(_ initiative: Initiative, entries: SectionEntries) {
        let channels = Dictionary(initiative.channels.map { ($0.id, $0) }) { first, _ in first }
        for group in initiative.groups {
            guard let channelID = group.channelID, let channel = channels[channelID], channel.kind.isEmail else {
                continue
            }
            let value = entries.value(in: "groups", id: group.id, key: "channel")
            log.warning(
                "channel \"\(channelID)\" is an e-mail channel, but a group's channel: is the chat room where it talks; "
                    + "name a chat channel or remove channel:",
                at: value?.mark, path: value?.path ?? ConfigPath().appending("groups"))
        }
    }

    /// Two people with one address receive each other's reminders.
    private func warnAboutSharedAddresses(_ initiative: Initiative, entries: SectionEntries) {
        var owners: [String: String] = [:]
        for person in initiative.people {
            let address = person.email.lowercased()
            guard let first = owners[address] else {
                owners[address] = person.id
                continue
            }
            let value = entries.value(in: "people", id: person.id, key: "email")
            log.warning(
                "\(person.email) is also the address of \"\(first)\"; both will receive each other's reminders",
                at: value?.mark, path: value?.path ?? ConfigPath().appending("people"))
        }
    }
}
