import { tagChangeOperation } from './tagChange';

export const { summary, description, execute } = tagChangeOperation('addTags');
