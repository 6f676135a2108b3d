-- Dollar volume per party, each deal counted once: what
-- `dealgraph query top --by amount` ranks by (docs/outputs.md, "SQLite").
-- Run it in the folder the tables were written to, with --csv-safe none:
--
--   dealgraph export --format csv --csv-safe none --out tables/ briefs/*.txt
--   cd tables && sqlite3 :memory: < usd_by_party.sql
--
-- deals.csv has one row per report; the reports of one deal share `group`
-- and carry the deal's own status and dollar figure (group_status,
-- group_amount_usd), so DISTINCT keeps one (deal, party) pair however many
-- articles reported it. Failed deals are left out, as the queries do.
.import --csv deals.csv deals
.import --csv deal_parties.csv deal_parties
SELECT entity, name, SUM(usd) AS amount_usd
FROM (SELECT DISTINCT d."group" AS deal, p.":END_ID(Entity)" AS entity, p.name AS name,
                      d."group_amount_usd:double" + 0 AS usd
      FROM deal_parties p JOIN deals d ON d."id:ID(Deal)" = p.":START_ID(Deal)"
      WHERE p.role <> 'product' AND d.group_status <> 'failed' AND d."group_amount_usd:double" <> '')
GROUP BY entity
ORDER BY amount_usd DESC, name;
