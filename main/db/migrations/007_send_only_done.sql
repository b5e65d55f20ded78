-- A send-only dossier (service 'send': the post carries the dossier, the citizen gets the result
-- from the agency) is done for the post once the agency has signed for it. It stays 'at_agency' in
-- its history, but the dashboard's open counts, overdue and stuck lists leave it out: at a busy
-- point they would otherwise pile up for ever and hide the dossiers the post still answers for.
-- Partial indexes over the at-agency dossiers the post still answers for keep those counts
-- index-only (the dashboard writes the same literal condition, which is what lets SQLite use them).
CREATE INDEX dossier_owed_at_agency_result ON dossier (result_date) WHERE status = 'at_agency' AND service <> 'send';
CREATE INDEX dossier_owed_at_agency_at ON dossier (status_at) WHERE status = 'at_agency' AND service <> 'send';
