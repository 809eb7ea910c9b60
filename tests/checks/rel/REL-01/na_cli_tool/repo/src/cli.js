const { program } = require('commander');

program.command('report').action(() => {
  console.log('report written');
});
program.parse();
