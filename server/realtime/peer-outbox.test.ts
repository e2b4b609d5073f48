import { describe, expect, it } from 'vitest';
import { MAX_RELAYS_PER_MESSAGE, PeerOutbox, type PeerRelay } from './peer-outbox';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('PeerOutbox', () => {
  it('sends everything added in one turn of the event loop as one message, in order', async () => {
    const sent: PeerRelay[][] = [];
    const outbox = new PeerOutbox((relays) => sent.push(relays));
    outbox.addUpdate('doc-a', 'AQ==');
    outbox.addUpdate('doc-b', 'Ag==');
    outbox.addAwareness('doc-c', 'Aw==');
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([[{ documentId: 'doc-a', update: 'AQ==' }, { documentId: 'doc-b', update: 'Ag==' }, { documentId: 'doc-c', awareness: 'Aw==' }]]);

    outbox.addUpdate('doc-a', 'BA==');
    await nextTurn();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual([{ documentId: 'doc-a', update: 'BA==' }]);
  });

  it("puts a keystroke's cursor in its edit's relay, and only there", async () => {
    const sent: PeerRelay[][] = [];
    const outbox = new PeerOutbox((relays) => sent.push(relays));
    outbox.addUpdate('doc-a', 'AQ==');
    outbox.addAwareness('doc-a', 'Cg==');
    // A second cursor move for the same edit, and one for a document whose edit is not the latest, stand alone.
    outbox.addAwareness('doc-a', 'Cw==');
    outbox.addUpdate('doc-b', 'Ag==');
    outbox.addAwareness('doc-a', 'DA==');
    await nextTurn();
    expect(sent).toEqual([
      [
        { documentId: 'doc-a', update: 'AQ==', awareness: 'Cg==' },
        { documentId: 'doc-a', awareness: 'Cw==' },
        { documentId: 'doc-b', update: 'Ag==' },
        { documentId: 'doc-a', awareness: 'DA==' },
      ],
    ]);
  });

  it('splits a large turn into messages of at most MAX_RELAYS_PER_MESSAGE', async () => {
    const sent: PeerRelay[][] = [];
    const outbox = new PeerOutbox((relays) => sent.push(relays));
    for (let index = 0; index < MAX_RELAYS_PER_MESSAGE * 2 + 1; index += 1) outbox.addUpdate(`doc-${index}`, 'AQ==');
    await nextTurn();
    expect(sent.map((relays) => relays.length)).toEqual([MAX_RELAYS_PER_MESSAGE, MAX_RELAYS_PER_MESSAGE, 1]);
    expect(sent.flat().map((relay) => relay.documentId)).toEqual(Array.from({ length: MAX_RELAYS_PER_MESSAGE * 2 + 1 }, (_, index) => `doc-${index}`));
  });
});
