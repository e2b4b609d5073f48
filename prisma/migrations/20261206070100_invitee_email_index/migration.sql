-- The home page lists the open invites addressed to the signed-in user's email (lib/dashboard/get-dashboard.ts).
CREATE INDEX "Invite_inviteeEmail_idx" ON "Invite"("inviteeEmail");
