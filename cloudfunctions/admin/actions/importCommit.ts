import { defineAction } from '../../shared/action';
import { insertInvitations } from '../../shared/data/invitations';
import { invitationFor } from '../domain/invitations';
import { planImport, rowView } from '../domain/importRows';
import { openUnit, unitPathOf } from '../domain/units';

/**
 * Makes an invitation for each valid row, in one insert. Each row's invitation id comes from the
 * unit, role and phone, so importing the same file again creates nothing twice; a retry of the
 * same request finds its own earlier insert (rewind.ts) and answers as the first call would have.
 */
export default defineAction({
  name: 'admin.importCommit',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    const rows = await planImport(unit, input.file);
    const by = (await ctx.user())._id;
    const valid = rows.filter((r) => r.status === 'ok' && r.roleKey);
    // A retry inserts only what its first call did not, and answers the codes stored.
    const invitations = valid.map((r) =>
      invitationFor(
        { _id: r.invitationId, name: r.name, role: r.roleKey!, phone: r.phone, sectorId: r.sectorId },
        unit,
        by,
        ctx.now,
      ),
    );
    await insertInvitations(invitations.filter((_inv, i) => !valid[i].storedCode));
    valid.forEach((r, i) => Object.assign(r, { code: r.storedCode ?? invitations[i].code, message: '已发出邀请' }));
    const created = invitations.map((i) => ({ _id: i._id, name: i.name, role: i.role }));
    ctx.audit(`invitations/import/${unit._id}`, null, { created, rows: rows.length }, unit.path);
    return {
      created: invitations.length,
      skipped: rows.filter((r) => r.status === 'duplicate' || r.status === 'exists').length,
      errors: rows.filter((r) => r.status === 'error').length,
      rows: rows.map(rowView),
    };
  },
});
