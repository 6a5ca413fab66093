import { describe, expect, it } from 'vitest';
import { contactsProblem } from './rules';
import { blankContact, toAgencyInput, type AgencyForm } from './useAgencies';

const form = (overrides: Partial<AgencyForm> = {}): AgencyForm => ({ name: ' 示例市信访局 ', kind: 'petition_bureau', contacts: [blankContact()], note: '', ...overrides });

describe('协同单位 form', () => {
  it('sends trimmed fields and drops blank contact rows and empty optional fields', () => {
    expect(
      toAgencyInput(
        form({
          contacts: [{ name: ' 刘科长 ', phone: ' 010-12345678 ', title: '' }, blankContact()],
          note: '  ',
        }),
      ),
    ).toEqual({ name: '示例市信访局', kind: 'petition_bureau', contacts: [{ name: '刘科长', phone: '010-12345678' }] });
  });

  it('names the contact row that is incomplete or has a bad phone number', () => {
    expect(contactsProblem(form())).toBeNull();
    expect(contactsProblem(form({ contacts: [{ name: '刘科长', phone: '', title: '' }, { name: '', phone: '123456', title: '' }] }))).toBe('第 2 位联系人：请填写联系人姓名');
    expect(contactsProblem(form({ contacts: [{ name: '刘科长', phone: '电话号码', title: '' }] }))).toBe(
      '第 1 位联系人：联系电话只能包含数字、空格和 + - ( )，3–30 位',
    );
  });
});
